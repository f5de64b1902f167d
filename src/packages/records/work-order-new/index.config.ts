export default definePageConfig({
  navigationBarTitleText: '提交工单',
});
