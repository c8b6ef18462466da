export default definePageConfig({
  navigationBarTitleText: '需通报事项',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
