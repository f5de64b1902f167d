export default definePageConfig({
  navigationBarTitleText: '登录 / 注册',
});
