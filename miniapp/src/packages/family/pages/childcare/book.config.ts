export default definePageConfig({ navigationBarTitleText: '预约托位' });
