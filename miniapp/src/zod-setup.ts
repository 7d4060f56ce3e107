import { z } from 'zod';

// WeChat forbids `new Function`, which zod 4 uses to speed up object parsing. This module is the
// first import of app.ts so the switch is set before any schema is built or used.
z.config({ jitless: true });
