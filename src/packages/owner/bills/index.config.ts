export default definePageConfig({
  navigationBarTitleText: '我的账单',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
