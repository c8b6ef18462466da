export default definePageConfig({
  navigationBarTitleText: '提出质询',
  backgroundTextStyle: 'dark',
});
