export default definePageConfig({
  navigationBarTitleText: '例行会议与沟通',
});
