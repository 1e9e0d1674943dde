// Watches a folder that may be deleted or replaced while watched (deploys, `git checkout`, rsync --delete-after,
// a symlink swap): fs.watch follows the folder's inode, so once the folder is gone its watcher never fires again.
// Here the parent folder is watched too, for the folder's own name: when the folder disappears that is
// reported (once), and when a folder is there again under the name (the same or a new inode) the watch is
// re-established on it and a change is reported, so the caller reloads what is there now.
import { statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

export interface FolderWatchEvents {
  /** A file in the folder changed (name when the platform gives one), or '(folder)' when the folder came back. */
  change(name: string | null): void;
  /** The folder is no longer there. */
  gone(): void;
  /** A folder is there again under the name (the watch now follows it). */
  back(): void;
  /** Watching failed in a way that cannot be recovered here (the parent folder is gone too, a platform limit). */
  error(error: Error): void;
}

export interface FolderWatch {
  close(): void;
}

/** The folder's inode, or null when no folder is there. */
function inodeOf(dir: string): number | null {
  try {
    const stat = statSync(dir);
    return stat.isDirectory() ? stat.ino : null;
  } catch {
    return null;
  }
}

export function watchFolder(folder: string, events: FolderWatchEvents): FolderWatch {
  const dir = resolve(folder);
  const name = basename(dir);
  let watched: { watcher: FSWatcher; ino: number } | null = null;
  let present = true;
  let closed = false;

  const follow = (): void => {
    watched?.watcher.close();
    watched = null;
    const ino = inodeOf(dir);
    if (ino === null) return;
    try {
      const watcher = watch(dir, { persistent: false }, (_type, filename) => {
        if (!closed) events.change(filename ? filename.toString() : null);
      });
      // ENOENT/EPERM once the folder is removed: the parent watch below sees that too and takes over.
      watcher.on('error', () => check());
      watched = { watcher, ino };
    } catch (error) {
      events.error(error as Error);
    }
  };

  /** Compares what is under the name with what is watched; reports gone or back. */
  const check = (): void => {
    if (closed) return;
    const ino = inodeOf(dir);
    if (ino === null) {
      watched?.watcher.close();
      watched = null;
      if (present) {
        present = false;
        events.gone();
      }
      return;
    }
    if (present && watched?.ino === ino) return;
    follow();
    present = true;
    events.back();
    events.change('(folder)');
  };

  follow();
  let parent: FSWatcher | null = null;
  try {
    parent = watch(dirname(dir), { persistent: false }, (_type, filename) => {
      if (filename === null || filename.toString() === name) check();
    });
    parent.on('error', (error) => events.error(error));
  } catch (error) {
    events.error(error as Error);
  }
  if (!watched) events.error(new Error(`cannot watch ${dir}: not a folder`));

  return {
    close() {
      closed = true;
      watched?.watcher.close();
      parent?.close();
    },
  };
}
