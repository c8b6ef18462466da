import { z } from 'zod';

/** An attachment or photo as records keep it: the storage id and the name the user saw. */
export interface FileRef {
  fileId: string;
  name: string;
}

// Only ids our own uploads produce: CloudBase storage or the local host's files folder.
export const zFileRef = z.strictObject({
  fileId: z.string().regex(/^(cloud:\/\/|local:)[\w./@%-]+$/, '附件编号无效'),
  name: z.string().trim().min(1).max(80, '文件名过长'),
});
