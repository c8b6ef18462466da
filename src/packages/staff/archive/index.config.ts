export default definePageConfig({
  navigationBarTitleText: '档案检索',
  backgroundTextStyle: 'dark',
});
