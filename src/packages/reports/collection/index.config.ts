export default definePageConfig({
  navigationBarTitleText: '收费统计',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
