export default definePageConfig({
  navigationBarTitleText: '提问月度统计',
  backgroundTextStyle: 'dark',
});
