export default definePageConfig({ navigationBarTitleText: '我的服务申请' });
