export default definePageConfig({
  navigationBarTitleText: '会议决议',
});
