export default definePageConfig({
  navigationBarTitleText: '工单',
});
