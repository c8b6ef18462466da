export default definePageConfig({
  navigationBarTitleText: '提问处理详情',
  backgroundTextStyle: 'dark',
});
