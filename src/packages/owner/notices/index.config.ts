export default definePageConfig({
  navigationBarTitleText: '公开文件',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
