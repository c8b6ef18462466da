export default definePageConfig({
  navigationBarTitleText: '欠费详情',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
