export default definePageConfig({ navigationBarTitleText: '普惠托育申报审核' });
