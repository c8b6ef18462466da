export default definePageConfig({
  navigationBarTitleText: '业委会文件',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
