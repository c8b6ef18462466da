export default definePageConfig({
  navigationBarTitleText: '我收到的文件',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
