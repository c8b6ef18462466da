export default definePageConfig({
  navigationBarTitleText: '提问处理',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
