import { useNavigation } from '../navigation.ts';
import { AccountsScreen } from '../screens/AccountsScreen.tsx';
import { ActivityScreen } from '../screens/ActivityScreen.tsx';
import { CompaniesScreen } from '../screens/CompaniesScreen.tsx';
import { HomeScreen } from '../screens/HomeScreen.tsx';
import { InvoiceDocumentScreen } from '../screens/InvoiceDocumentScreen.tsx';
import { InvoicesScreen } from '../screens/InvoicesScreen.tsx';
import { SettingsScreen } from '../screens/SettingsScreen.tsx';
import { UploadScreen } from '../screens/UploadScreen.tsx';

export function ScreenSwitch() {
  const { route } = useNavigation();
  switch (route.screen) {
    case 'home':
      return <HomeScreen />;
    case 'companies':
      return <CompaniesScreen defaultApi={route.defaultApi} />;
    case 'invoices':
      return <InvoicesScreen cif={route.cif} direction={route.direction} filters={route.filters} />;
    case 'document':
      return <InvoiceDocumentScreen cif={route.cif} messageId={route.messageId} direction={route.direction} filters={route.filters} />;
    case 'upload':
      return <UploadScreen />;
    case 'activity':
      return <ActivityScreen />;
    case 'accounts':
      return <AccountsScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}
