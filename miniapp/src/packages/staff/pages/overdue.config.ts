export default definePageConfig({ navigationBarTitleText: '逾期未整改' });
