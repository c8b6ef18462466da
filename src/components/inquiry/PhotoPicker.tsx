import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { FileRef } from '@domain/files';
import { MAX_PHOTOS } from '@domain/inquiry-labels';
import { uploadFile } from '../../api/files';
import { useSubmit } from '../useSubmit';
import { Photos } from './parts';

function extensionOf(source: string): string {
  return (/\.(png|jpe?g|gif|webp)$/i.exec(source)?.[1] ?? 'jpg').toLowerCase();
}

/** Chooses photos from the album or camera and uploads them at once, so a submit only sends ids. */
export function PhotoPicker({ photos, onChange, folder }: { photos: FileRef[]; onChange: (p: FileRef[]) => void; folder: string }) {
  const { busy, submit } = useSubmit();
  const room = MAX_PHOTOS - photos.length;

  async function add(): Promise<void> {
    if (busy || room <= 0) return;
    let chosen: Taro.chooseImage.SuccessCallbackResult;
    try {
      chosen = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    } catch {
      return; // cancelled
    }
    await submit(async () => {
      const added: FileRef[] = [];
      for (const [i, f] of chosen.tempFiles.slice(0, room).entries()) {
        // H5 keeps the picked File (with its real name); the mini-program only has a temp path.
        const source = (f as { originalFileObj?: { name?: string } }).originalFileObj?.name ?? f.path;
        const up = await uploadFile(f.path, `照片${photos.length + i + 1}.${extensionOf(source)}`, folder);
        added.push({ fileId: up.fileId, name: up.name });
      }
      onChange([...photos, ...added]);
    });
  }

  return (
    <View className="photo-picker" data-testid="photo-picker">
      <Photos photos={photos} onRemove={(p) => onChange(photos.filter((x) => x.fileId !== p.fileId))} />
      {room > 0 && (
        <View className={`photo-add${busy ? ' photo-add-busy' : ''}`} data-testid="photo-add" onClick={() => void add()}>
          <Text className="photo-add-plus">{busy ? '…' : '+'}</Text>
          <Text className="photo-add-label">{busy ? '上传中' : `照片 ${photos.length}/${MAX_PHOTOS}`}</Text>
        </View>
      )}
    </View>
  );
}
