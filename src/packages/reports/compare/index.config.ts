export default definePageConfig({
  navigationBarTitleText: '各小区对比',
  backgroundTextStyle: 'dark',
});
