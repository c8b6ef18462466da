export default definePageConfig({
  navigationBarTitleText: '小区管理',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
