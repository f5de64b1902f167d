export default definePageConfig({
  navigationBarTitleText: '设备详情',
});
