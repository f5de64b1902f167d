import { Select } from 'tdesign-react/es/select';
import type { Scope } from '../../contracts';
import { useI18n } from '../../i18n';
import { ACTIONS, OBJECTS, cellKey, scopesFor, type CellKey, type Matrix } from './matrix';

/**
 * Objects × actions, one scope select per cell. Test hooks: `#role-matrix`, cells
 * `[data-cell="<object>:<action>"][data-scope]`, options `[data-option="<scope>"]`.
 */
export function RoleMatrix({ matrix, onChange, readOnly }: { matrix: Matrix; onChange: (cell: CellKey, scope: Scope) => void; readOnly: boolean }) {
  const { t } = useI18n();
  return (
    <table id="role-matrix" className="role-matrix">
      <thead>
        <tr>
          <th scope="col">{t('roles.matrix.object')}</th>
          {ACTIONS.map((action) => (
            <th key={action} scope="col">
              {t(`action.${action}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {OBJECTS.map((object) => (
          <tr key={object}>
            <th scope="row">{t(`object.${object}`)}</th>
            {ACTIONS.map((action) => {
              const key = cellKey(object, action);
              const scope = matrix[key];
              return (
                <td key={action} data-cell={key} data-scope={scope} className={`role-matrix__cell role-matrix__cell--${scope}`}>
                  <Select
                    size="small"
                    value={scope}
                    disabled={readOnly}
                    aria-label={`${t(`object.${object}`)} · ${t(`action.${action}`)}`}
                    onChange={(v) => onChange(key, v as Scope)}
                  >
                    {scopesFor(object).map((s) => (
                      <Select.Option key={s} value={s} label={t(`scope.${s}`)}>
                        <span data-option={s}>{t(`scope.${s}`)}</span>
                      </Select.Option>
                    ))}
                  </Select>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
