export default definePageConfig({ navigationBarTitleText: '证明材料审核' });
