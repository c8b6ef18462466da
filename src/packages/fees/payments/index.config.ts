export default definePageConfig({
  navigationBarTitleText: '缴费确认',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
