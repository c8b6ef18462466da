export default definePageConfig({
  navigationBarTitleText: '档案检索',
  backgroundTextStyle: 'dark',
  // The 存证摘要 card is forwarded to chats so members hold the digest outside our database.
  enableShareAppMessage: true,
});
