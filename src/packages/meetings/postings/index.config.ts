export default definePageConfig({
  navigationBarTitleText: '业委会公告',
});
