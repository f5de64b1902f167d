export default definePageConfig({ navigationBarTitleText: '我的通知' });
