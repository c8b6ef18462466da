export default definePageConfig({
  navigationBarTitleText: '决议与公告',
});
