// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import {
  expandEntries,
  filterPickedFolder,
  type DirectoryEntryLike,
  type EntryLike,
  type FileEntryLike,
} from '../../../renderer/src/lib/upload/folder.ts';

function fileEntry(name: string, fail = false): FileEntryLike {
  return {
    isFile: true,
    isDirectory: false,
    name,
    file(success, failure) {
      if (fail) failure?.(new Error('NotReadableError'));
      else success(new File(['<Invoice/>'], name));
    },
  };
}

/** A folder whose reader returns its children in batches of `batchSize`, like Chromium's 100. */
function folderEntry(name: string, children: EntryLike[], batchSize = 2): DirectoryEntryLike {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader() {
      let position = 0;
      return {
        readEntries(success) {
          const batch = children.slice(position, position + batchSize);
          position += batch.length;
          setTimeout(() => success(batch), 0);
        },
      };
    },
  };
}

describe('expandEntries', () => {
  test('reads every batch of a folder', async () => {
    const folder = folderEntry('lunar', ['1.xml', '2.xml', '3.xml', '4.xml', '5.xml'].map((name) => fileEntry(name)));
    const result = await expandEntries([folder]);
    expect(result.files.map((file) => file.name)).toEqual(['1.xml', '2.xml', '3.xml', '4.xml', '5.xml']);
  });

  test('walks nested folders', async () => {
    const inner = folderEntry('februarie', [fileEntry('f2.xml')]);
    const outer = folderEntry('2025', [fileEntry('f1.xml'), inner]);
    const result = await expandEntries([outer]);
    expect(result.files.map((file) => file.name)).toEqual(['f1.xml', 'f2.xml']);
  });

  test('leaves out non-XML files inside folders', async () => {
    const folder = folderEntry('export', [fileEntry('a.xml'), fileEntry('a.pdf'), fileEntry('Thumbs.db')]);
    const result = await expandEntries([folder]);
    expect(result.files.map((file) => file.name)).toEqual(['a.xml']);
    expect(result.skippedInFolders).toBe(2);
  });

  test('keeps a non-XML file dropped directly', async () => {
    const result = await expandEntries([fileEntry('scan.pdf')]);
    expect(result.files.map((file) => file.name)).toEqual(['scan.pdf']);
    expect(result.skippedInFolders).toBe(0);
  });

  test('counts files that fail to read', async () => {
    const folder = folderEntry('x', [fileEntry('ok.xml'), fileEntry('locked.xml', true)]);
    const result = await expandEntries([folder]);
    expect(result.files.map((file) => file.name)).toEqual(['ok.xml']);
    expect(result.unreadable).toBe(1);
  });

  test('counts a folder that fails to list', async () => {
    const broken: DirectoryEntryLike = {
      isFile: false,
      isDirectory: true,
      name: 'fără-drept',
      createReader: () => ({ readEntries: (_success, failure) => failure?.(new Error('SecurityError')) }),
    };
    const result = await expandEntries([broken, fileEntry('b.xml')]);
    expect(result.unreadable).toBe(1);
    expect(result.files.map((file) => file.name)).toEqual(['b.xml']);
  });
});

describe('filterPickedFolder', () => {
  test('keeps XML files and counts the rest', () => {
    const picked = filterPickedFolder([{ name: 'a.xml' }, { name: 'b.XML' }, { name: 'c.zip' }]);
    expect(picked.files.map((file) => file.name)).toEqual(['a.xml', 'b.XML']);
    expect(picked.skippedInFolders).toBe(1);
  });
});
