export default definePageConfig({
  navigationBarTitleText: '输出信息审批记录',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
