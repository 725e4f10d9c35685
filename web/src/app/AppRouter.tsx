import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Result, Spin } from 'antd';
import { type ReactNode, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, Route, Routes, useLocation, useNavigate } from 'react-router';
import { setUnauthorizedHandler } from '../shared/api';
import { useAllMessages } from '../shared/i18n';
import { clearClientState, useSession, useSessionQuery } from '../shared/session';
import { canAccess } from './access';
import { AppLayout } from './layout/AppLayout';
import {
  APP_ROUTES,
  type AppRoute,
  ForbiddenPage,
  InspectPage,
  LoginPage,
  NotFoundPage,
  PublicLookupPage,
} from './routes';

function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** Logged-in area: anonymous visitors go to /login, accounts with a temporary password to /profile. */
function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (session.user.mustChangePassword && location.pathname !== '/profile') {
    return <Navigate to="/profile" replace state={{ mustChangePassword: true }} />;
  }
  return <Outlet />;
}

function RouteGuard({ route }: { route: AppRoute }) {
  useAllMessages();
  const { t } = useTranslation();
  const session = useSession();
  const allowed = canAccess(session?.permissions, route.access);
  useEffect(() => {
    document.title = `${t(route.label)} · ${t('app.shortName')}`;
  }, [route.label, t]);
  const Page = route.component;
  return allowed ? <Page /> : <ForbiddenPage />;
}

/** A page outside the logged-in shell that needs more than the shell's messages. */
function WithAllMessages({ children }: { children: ReactNode }) {
  useAllMessages();
  return children;
}

function LoginRoute() {
  const session = useSession();
  if (session) return <Navigate to={session.user.mustChangePassword ? '/profile' : '/'} replace />;
  return <LoginPage />;
}

export function AppRouter() {
  const { t } = useTranslation();
  const sessionQuery = useSessionQuery();
  const client = useQueryClient();
  const navigate = useNavigate();

  useEffect(() => {
    setUnauthorizedHandler(() => {
      clearClientState(client);
      if (window.location.pathname !== '/login') navigate('/login', { replace: true, state: { expired: true } });
    });
  }, [client, navigate]);

  if (sessionQuery.isPending) return <FullPageSpin />;
  if (sessionQuery.isError) {
    return (
      <Result
        status="500"
        title={t('errors.serverUnavailable')}
        subTitle={sessionQuery.error.message}
        extra={
          <Button type="primary" onClick={() => sessionQuery.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }

  return (
    <Suspense fallback={<FullPageSpin />}>
      <Routes>
        <Route path="/login" element={<LoginRoute />} />
        {/* approval (一站式审批): public status lookup, no login */}
        <Route
          path="/lookup"
          element={
            <WithAllMessages>
              <PublicLookupPage />
            </WithAllMessages>
          }
        />
        <Route element={<RequireAuth />}>
          {/* 一码护商: the QR on an enterprise's card opens this on a phone, without the menu layout */}
          <Route path="/inspect/:code" element={<InspectPage />} />
          <Route element={<AppLayout />}>
            {APP_ROUTES.map((r) => (
              <Route key={r.key} path={r.path} element={<RouteGuard route={r} />} />
            ))}
            <Route
              path="*"
              element={
                <WithAllMessages>
                  <NotFoundPage />
                </WithAllMessages>
              }
            />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
