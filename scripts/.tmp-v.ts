import { modelValues } from '../src/mdx/values';
for (const [k, v] of modelValues()) console.log(k, v);
