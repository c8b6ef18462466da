export default definePageConfig({
  navigationBarTitleText: '收费标准与账单',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
