export default definePageConfig({ navigationBarTitleText: '安全检查' });
