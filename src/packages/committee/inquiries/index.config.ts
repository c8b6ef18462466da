export default definePageConfig({
  navigationBarTitleText: '业委会事项',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
