export default definePageConfig({ navigationBarTitleText: '提交证明材料' });
