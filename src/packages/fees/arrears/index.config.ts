export default definePageConfig({
  navigationBarTitleText: '欠费催缴',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
