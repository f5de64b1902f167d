export default definePageConfig({
  navigationBarTitleText: '互联服务门户',
  enablePullDownRefresh: false,
});
