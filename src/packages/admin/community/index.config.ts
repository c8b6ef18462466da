export default definePageConfig({
  navigationBarTitleText: '小区设置与人员',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
