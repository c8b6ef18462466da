import { useState } from 'react';
import { Input, Text } from '@tarojs/components';
import { TEXT_LIMITS } from '@domain/limits';
import './SearchBox.scss';

interface Props {
  placeholder: string;
  /** The text already searched for, shown again when the box mounts. */
  initial?: string;
  /** Called on 搜索 or the keyboard's search key with the trimmed text; undefined when nothing was typed. */
  onSearch: (text: string | undefined) => void;
  /** The input's test id; the button's is `goTestId` (some pages name the row, not the input). */
  testId?: string;
  goTestId: string;
  /** The page's own name for the input, beside the shared look (pages and tests find it by it). */
  inputClass: string;
}

/**
 * A list's text search: what is typed applies only on 搜索 (or the keyboard's search key), so the
 * server is asked once per search, not once per keystroke. It sits inside the page's own row.
 */
export function SearchBox({ placeholder, initial, onSearch, testId, goTestId, inputClass }: Props) {
  const [typed, setTyped] = useState(initial ?? '');
  const search = () => onSearch(typed.trim() || undefined);
  return (
    <>
      <Input
        className={`search-input ${inputClass}`}
        data-testid={testId}
        placeholder={placeholder}
        maxlength={TEXT_LIMITS.searchText}
        value={typed}
        confirmType="search"
        onInput={(e) => setTyped(e.detail.value)}
        onConfirm={search}
      />
      <Text className="btn btn-plain btn-small search-go" data-testid={goTestId} onClick={search}>
        搜索
      </Text>
    </>
  );
}
