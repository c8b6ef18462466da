export default definePageConfig({
  navigationBarTitleText: '账单与缴费导入',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
