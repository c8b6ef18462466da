export default definePageConfig({
  navigationBarTitleText: '起草业委会文件',
  backgroundTextStyle: 'dark',
});
