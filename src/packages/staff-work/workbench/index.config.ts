export default definePageConfig({
  navigationBarTitleText: '事项工作台',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
