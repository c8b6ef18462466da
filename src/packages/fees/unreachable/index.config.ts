export default definePageConfig({
  navigationBarTitleText: '联系不上的业主',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
});
