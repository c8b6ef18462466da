export default definePageConfig({
  navigationBarTitleText: '提问详情',
  backgroundTextStyle: 'dark',
});
