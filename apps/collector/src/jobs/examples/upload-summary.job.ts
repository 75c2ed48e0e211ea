import { fileVar, Job, type JobContext, type JobData } from '@yardmaster/job-sdk';

const variables = {
  file: fileVar({ label: 'File', description: 'A text file, e.g. a device configuration (at most 1 MiB)', maxSizeBytes: 1024 * 1024 }),
};

/** Reads an uploaded text file and reports its size and line count: the smallest use of a file variable. */
export class UploadSummary extends Job<typeof variables> {
  static override readonly meta = { name: 'Upload summary', description: 'Counts the lines and bytes of an uploaded text file.', readOnly: true };
  static override readonly variables = variables;

  async run(data: JobData<typeof variables>, context: JobContext) {
    const text = await data.file.text();
    // A last line without a newline still counts; an empty file has none.
    const lines = text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    context.logger.info(`${data.file.name} (${data.file.contentType}): ${lines} lines, ${data.file.size} bytes`);
    context.logger.success(`Summarised ${data.file.name}`);
    return { lines, bytes: data.file.size };
  }
}
