export default definePageConfig({ navigationBarTitleText: '申请冲突核对' });
